/** The customers API: find or create, search, read, loyalty points. */
package com.rms.customer.api;
