'use strict';
/** Sends allowed per email and service in one window, then 429: every sandbox service keeps it. */
const SEND_LIMIT = 3;
const SEND_WINDOW_SECONDS = 60;

module.exports = { SEND_LIMIT, SEND_WINDOW_SECONDS };
