/** The point of sale's model: orders and lines, pricing, kitchen tickets, cash sessions. */
package com.rms.pos.domain;
