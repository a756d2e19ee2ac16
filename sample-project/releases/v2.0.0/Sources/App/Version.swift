/// Version of the PD Remote Monitor software, shown on the About screen and in uploads.
public let pdrmVersion = "2.0.0"
