package org.walletplatform.order.budget;

/**
 * The scene's budget has nothing left above its reserve for this amount.
 */
public class StockLowException extends RuntimeException {

    public StockLowException(String sceneId, long amount) {
        super("Scene " + sceneId + " has less than " + amount + " left above its reserve");
    }

}
