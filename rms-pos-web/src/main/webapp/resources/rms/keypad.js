/* The PIN keypad writes into the PIN field on the page, so the PIN travels once, with the sign-in. */
window.rmsKeypad = {
  field: function (id) { return document.getElementById(id); },
  press: function (id, digit) {
    var f = this.field(id);
    if (f.value.length < (f.maxLength > 0 ? f.maxLength : 8)) { f.value += digit; }
  },
  back: function (id) { var f = this.field(id); f.value = f.value.slice(0, -1); },
  clear: function (id) { this.field(id).value = ''; }
};
