package io.triggercache.jcache;

/**
 * A value could not be encoded for, or decoded from, a shared cache: most often a class that is not on
 * the codec's allow-list. The engine treats it as a store fault: the call runs the method, and the fault
 * is logged once per fault period.
 */
public class CodecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CodecException(String message) {
        super(message);
    }

    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
