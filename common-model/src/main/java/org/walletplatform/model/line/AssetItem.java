package org.walletplatform.model.line;

/**
 * One asset a user holds in a business line. Amounts are integers in minor units of
 * {@code unit} (cents for CNY, whole coins for a virtual currency, a count for coupons).
 *
 * @param assetId the line's own id of the asset (stable across snapshots)
 * @param kind what the asset is: {@code cash}, {@code cashback}, {@code coupon},
 * {@code virtual-currency}, ...
 * @param name display name
 * @param amountMinor amount in minor units, never negative
 * @param unit ISO 4217 currency code, or a line-defined unit such as {@code COIN} or
 * {@code PIECE}
 */
public record AssetItem(String assetId, String kind, String name, long amountMinor, String unit) {
}
