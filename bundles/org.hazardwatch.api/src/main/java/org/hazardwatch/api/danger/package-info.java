/**
 * Hidden-danger investigation (隐患排查治理, requirement E1): investigations with their checklists, hidden-danger
 * records, rectification notices, rectification reports with evidence, acceptance, and governance projects for major
 * hidden dangers. Closed loop: nothing closes without acceptance.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.danger;
