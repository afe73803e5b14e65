/** Online orders from delivery partners and web shops: partners, their keys and signed requests. */
package com.rms.online;
