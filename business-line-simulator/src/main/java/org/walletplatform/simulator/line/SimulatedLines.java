package org.walletplatform.simulator.line;

import java.util.Map;
import java.util.TreeMap;

import org.walletplatform.simulator.SimulatorProperties;

import org.springframework.stereotype.Component;

/**
 * Every simulated line, by id.
 */
@Component
public class SimulatedLines {

    private final Map<String, SimulatedLine> lines = new TreeMap<>();

    SimulatedLines(SimulatorProperties properties) {
        properties.lines().forEach((id, spec) -> this.lines.put(id, new SimulatedLine(id, spec, properties.seed())));
    }

    public SimulatedLine get(String id) {
        SimulatedLine line = this.lines.get(id);
        if (line == null) {
            throw new UnknownLineException(id);
        }
        return line;
    }

    public Map<String, SimulatedLine> all() {
        return this.lines;
    }

}
