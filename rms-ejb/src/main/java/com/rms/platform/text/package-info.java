/** Small value helpers shared by the contexts: money at the currency's scale, SHA-256 hex. */
package com.rms.platform.text;
