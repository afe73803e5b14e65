/** The menu: tax rates, categories, items with modifiers, outlet overrides. */
package com.rms.menu.domain;
