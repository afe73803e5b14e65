/** REST resources of the menu context. */
package com.rms.menu.api;
