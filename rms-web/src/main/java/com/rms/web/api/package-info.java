/** The system resources for platform operators: the status, and the exception destinations of the side-effect queues. */
package com.rms.web.api;
