/** Partners, their keys and the request-signing rule partner clients and the server share. */
package com.rms.online.domain;
