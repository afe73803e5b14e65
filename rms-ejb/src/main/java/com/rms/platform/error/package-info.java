/** The one error model: a sealed hierarchy of application exceptions, one per problem kind. */
package com.rms.platform.error;
