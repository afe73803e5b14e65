/** The point of sale's API: orders, payments and refunds, kitchen tickets, cash sessions, receipts. */
package com.rms.pos.api;
