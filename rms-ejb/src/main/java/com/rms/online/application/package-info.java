/** Partner management for owners, and the check of a partner's signed request at the edge. */
package com.rms.online.application;
