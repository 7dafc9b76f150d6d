/**
 * Equipment inspection (特种设备及安全附件定期检验, requirement E2): equipment that must be inspected periodically, its
 * inspection records and certificates, due and overdue reminders. Visible to the enterprise and its park management
 * only.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.equipment;
