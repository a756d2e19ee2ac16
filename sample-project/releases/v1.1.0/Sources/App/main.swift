// PD Remote Monitor: entry point of the home hub service.
import Telemetry

print("pdrm \(pdrmVersion) starting")
