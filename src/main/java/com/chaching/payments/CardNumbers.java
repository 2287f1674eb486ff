package com.chaching.payments;

/** Checks on a card number that need no network: its shape and its Luhn check digit. */
public final class CardNumbers {

    private CardNumbers() {
    }

    /** The number without the spaces and dashes people type. */
    public static String normalized(String number) {
        return number.replace(" ", "").replace("-", "");
    }

    /** 12 to 19 digits whose Luhn checksum holds. */
    public static boolean isValid(String digits) {
        if (digits.length() < 12 || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    public static String last4(String digits) {
        return digits.substring(digits.length() - 4);
    }
}
