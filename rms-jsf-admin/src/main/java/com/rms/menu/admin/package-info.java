/** Back-office screens for the chain's menu: tax rates, categories, items and outlet overrides. */
package com.rms.menu.admin;
