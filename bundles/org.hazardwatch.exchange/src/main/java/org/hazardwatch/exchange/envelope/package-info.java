/**
 * The exchange envelope (docs/exchange-format.md): a payload encrypted with SM4-CBC and authenticated with
 * HMAC-SM3 under fresh keys that are encrypted to the receiver's SM2 certificate, the whole signed by the sender with
 * SM2/SM3. Bouncy Castle does the cryptography; tests check every primitive against OpenSSL.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.exchange.envelope;
