package org.hazardwatch.api.adapter;

/**
 * One row of an adapter's point mapping: which plant address feeds which monitoring point.
 *
 * @param pointId monitoring point id
 * @param address the address in the adapter's own notation (an OPC UA node id, a Modbus register, a query column)
 */
public record PointAddress(String pointId, String address) {
}
