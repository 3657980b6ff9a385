package dev.mapleak.folder;

/**
 * Bad input from the user: an unknown profile, option or parameter value. {@link Main} prints the message
 * as one line and exits with status 2; nothing has run when it is thrown.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
