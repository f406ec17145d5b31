'use strict';
/** User-facing strings the tests pin, read from the built package so a rewording fails loudly once. */
const { NEUTRAL_SEND_MESSAGE } = require('../../dist/nodes/PasswordReset/outcome/readResponse.js');

module.exports = { NEUTRAL: NEUTRAL_SEND_MESSAGE };
