/** MicroProfile Health checks: start-up, readiness per dependency, liveness. */
package com.rms.web.health;
