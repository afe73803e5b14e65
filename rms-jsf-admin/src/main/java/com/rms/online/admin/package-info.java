/** The owner's partners screen: delivery partners and web shops, their keys, outlets and webhook URL. */
package com.rms.online.admin;
