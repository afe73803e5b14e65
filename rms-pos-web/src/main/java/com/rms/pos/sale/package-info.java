/** The sale screen: the outlet's menu as tiles, one check built by tapping, sent to the kitchen and paid; a bean per dialog. */
package com.rms.pos.sale;
