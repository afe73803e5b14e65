/** The platform's back-office pages: the chain's messages in the exception destinations and their re-drive. */
package com.rms.platform.admin;
