/** What every web-facing module shares about transport security: HTTPS-only mode, HSTS and the web apps' headers. */
package com.rms.platform.web;
