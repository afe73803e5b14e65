/*
 * A page's line to /ws/events, shared by the point of sale and the back office (served from the
 * platform's jar as the Faces library "rms-live"). No page carries a token: right before each
 * (re)connect the script fetches a two-minute socket token for its signed-in session (POST
 * opts.tokenUrl) and offers it as a subprotocol ("bearer", token), not in the URL, so it stays out
 * of access logs. The server closes the socket when the session would time out ("token expired");
 * the script then asks for a new token at once, and once the session has ended (401, or the
 * sign-in redirect) it reloads the page, which shows the sign-in. Events of the listed types call
 * onEvents (debounced, so a burst of changes reloads the board once); a dropped socket reconnects
 * with growing pauses. The element with id statusId shows whether the page is live, styled by
 * opts.statusClass (default "pos-live") with "-on" or "-off".
 */
window.rmsLive = {
  connect: function (opts) {
    var state = { retry: 500, timer: null, pending: [] };
    var status = document.getElementById(opts.statusId);
    var statusClass = opts.statusClass || 'pos-live';
    function show(live) {
      if (status) {
        status.setAttribute('data-live', live ? 'true' : 'false');
        status.textContent = live ? 'Live' : 'Reconnecting…';
        status.className = statusClass + ' ' + statusClass + (live ? '-on' : '-off');
      }
    }
    function flush() {
      var events = state.pending;
      state.pending = [];
      state.timer = null;
      opts.onEvents(events);
    }
    function later() {
      setTimeout(open, state.retry);
      state.retry = Math.min(state.retry * 2, 15000);
    }
    function open() {
      fetch(opts.tokenUrl, { method: 'POST', credentials: 'same-origin', redirect: 'manual',
                             headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          if (response.type === 'opaqueredirect' || response.status === 401) {
            location.reload();
            return null;
          }
          if (!response.ok) { throw new Error('socket token: ' + response.status); }
          return response.json();
        })
        .then(function (body) { if (body) { connect(body.token); } })
        .catch(function () { show(false); later(); });
    }
    function connect(token) {
      var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/events';
      var socket = new WebSocket(url, ['bearer', token]);
      socket.onopen = function () { state.retry = 500; show(true); };
      socket.onmessage = function (message) {
        var event;
        try { event = JSON.parse(message.data); } catch (e) { return; }
        if (opts.types.indexOf(event.type) < 0) { return; }
        state.pending.push(event);
        if (!state.timer) { state.timer = setTimeout(flush, 150); }
      };
      socket.onclose = function (closed) {
        show(false);
        if (closed.reason === 'token expired') {
          open();
        } else {
          later();
        }
      };
    }
    show(false);
    open();
  },

  /* Keeps "n min" on every element with data-since (epoch millis) current. */
  ages: function () {
    function tick() {
      var now = Date.now();
      document.querySelectorAll('[data-since]').forEach(function (el) {
        var minutes = Math.floor((now - Number(el.getAttribute('data-since'))) / 60000);
        el.textContent = minutes < 1 ? 'just now' : minutes + ' min';
        el.classList.toggle('pos-age-late', minutes >= 15);
      });
    }
    tick();
    setInterval(tick, 15000);
  },

  /*
   * Whether any event brings a newer state of the order the page shows (the element with
   * data-order-id and data-order-version): the page's own changes come back too, and need no reload.
   */
  concernsShownOrder: function (events) {
    var shown = document.querySelector('[data-order-id]');
    var id = shown ? shown.getAttribute('data-order-id') : null;
    if (!id) { return false; }
    var version = Number(shown.getAttribute('data-order-version'));
    return events.some(function (e) {
      var d = e.data || {};
      if (String(d.id) !== id) { return false; }
      return typeof d.version !== 'number' || isNaN(version) || d.version > version;
    });
  }
};
