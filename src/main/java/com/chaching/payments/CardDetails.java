package com.chaching.payments;

/**
 * A card as the customer typed it, on its way to the gateway. The number and the security code exist only
 * in memory for the length of one request: never stored, never logged ({@link #toString()} hides them).
 */
public record CardDetails(String number, int expMonth, int expYear, String cvc) {

    @Override
    public String toString() {
        return "CardDetails[number=****" + CardNumbers.last4(number) + ", expMonth=" + expMonth + ", expYear=" + expYear + ", cvc=***]";
    }
}
