package com.rms.payment.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardTokensTest {

    @ParameterizedTest
    @ValueSource(strings = {"tok_visa", "tok_chargeDeclinedInsufficientFunds", "pm_card_visa", "src_1MqLw2", "card_1Abc_2",
            "tok_made_up"})
    void providerTokensAreWellFormedAndHoldNoCardNumber(String token) {
        assertTrue(CardTokens.wellFormed(token), token);
        assertFalse(CardTokens.holdsCardNumber(token), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4242424242424242", "4242 4242 4242 4242", "4242-4242-4242-4242", "4242.4242.4242.4242",
            "4242424242424242|12/30|123", "4242 4242 4242 4242|12|30|123", "tok_4242424242424242", "378282246310005",
            "6011111111111117", "4000056655665556", "42424242424242421230123"})
    void cardNumbersHoweverWrittenAreFound(String text) {
        assertTrue(CardTokens.holdsCardNumber(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tok_", "visa", "TOK_visa", "tok visa", "tok_visa\n", "pi_123", "tok_é", "4242 4242 4242 4242"})
    void anythingElseIsMalformed(String token) {
        assertFalse(CardTokens.wellFormed(token), token);
    }

    @Test
    void aNumberFailingLuhnOrShorterThan13DigitsIsNoCardNumber() {
        assertFalse(CardTokens.holdsCardNumber("4242424242424241"));
        assertFalse(CardTokens.holdsCardNumber("424242424242"));
        assertFalse(CardTokens.holdsCardNumber("order 12 of 2026-01-01"));
        assertTrue(CardTokens.wellFormed("tok_" + "a".repeat(250)));
        assertFalse(CardTokens.wellFormed("tok_" + "a".repeat(251)));
    }
}
