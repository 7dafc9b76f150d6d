/**
 * Major hazard sources (重大危险源) of enterprises: units, their equipment and inventories, GB 18218 gradings kept as
 * immutable snapshots, and the import/export of the registry.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package org.hazardwatch.api.hazard;
