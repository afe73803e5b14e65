/** Managing the chain menu and serving it per outlet. */
package com.rms.menu.application;
