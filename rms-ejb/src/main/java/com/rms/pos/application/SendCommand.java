package com.rms.pos.application;

import java.util.List;

/**
 * Fires an order to the kitchen: every line not yet sent becomes part of a ticket per station and
 * course. Courses listed in {@code hold} wait (HELD tickets) until a later send lists them in
 * {@code fire}. An empty body sends everything at once.
 */
public record SendCommand(List<Integer> hold, List<Integer> fire) {
}
