/** Browser tests of the back office and the POS, in headless Chromium against the running server. */
package it.ui;
