/** Customer services: find or create by phone or email, search, loyalty points from the RMS.Loyalty queue. */
package com.rms.customer.application;
