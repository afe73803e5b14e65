/** Validation of incoming commands into one validation problem with every invalid field. */
package com.rms.platform.validation;
