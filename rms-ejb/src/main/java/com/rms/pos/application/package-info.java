/** The point of sale: orders, pricing, kitchen tickets, cash drawers and manager approvals. */
package com.rms.pos.application;
