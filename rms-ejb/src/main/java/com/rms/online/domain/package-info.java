/** Partners, their keys, the request-signing rule partner clients and the server share, and online orders with their lifecycle. */
package com.rms.online.domain;
