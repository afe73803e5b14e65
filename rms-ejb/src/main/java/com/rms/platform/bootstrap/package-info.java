/** Start-up: migrations, the platform administrator and the demo chain. */
package com.rms.platform.bootstrap;
