import Foundation
import Support

/// An interface of a software item (IEC 62304 5.3.2): to another software item, or to an element outside the
/// software (a device, a server, a user), with the data that crosses it. The software architecture picture draws
/// each one as an arrow; threats name the interfaces they attack (`Threat.interfaces`).
public struct ItemInterface: Sendable, Codable, Hashable {
    /// Its id, e.g. `IF-3`, unique among every item's interfaces.
    public var id: String
    /// The software item it belongs to (the item whose `interfaces` list holds it).
    public var item: String
    /// What it connects the item to: an `ITEM-` id, or the name of an element outside the software.
    public var to: String
    /// Which way the data goes, seen from the item; nil when not stated (drawn both ways).
    public var direction: InterfaceDirection?
    /// The data that crosses it, e.g. "Treatment records".
    public var data: String?
    /// How: the protocol, bus or call, e.g. "BLE GATT, LE Secure Connections".
    public var `protocol`: String?
    /// The trust zone of the element outside the software that `to` names (nil for an item, whose zone is its own,
    /// or for an element in no zone).
    public var zone: String?
    /// Where it is defined: file and line in the release's tree.
    public var source: SourceLocation

    /// The id prefix of interfaces.
    public static let prefix = "IF-"
    static let allowed = ["id", "to", "direction", "data", "protocol", "zone"]

    /// Whether `to` names a software item rather than an element outside the software.
    public var isToItem: Bool { to.hasPrefix(RecordKind.softwareItem.prefix) }

    init(_ m: YAMLMapping, item: String) throws {
        let id = try m.id(prefix: Self.prefix, naming: "an interface")
        self.id = id
        self.item = item
        to = try m.requiredText("to")
        direction = try m.choice("direction", InterfaceDirection.self)
        data = try m.text("data")
        `protocol` = try m.text("protocol")
        zone = try m.zone()
        source = m.location
        if let kind = RecordKind.allCases.first(where: { $0 != .softwareItem && to.hasPrefix($0.prefix) }) {
            throw DossierError("interface \(id) leads to \(Excerpt.quoted(to)), a \(kind.title) id; 'to' names a software item (ITEM-) or an element outside the software\(kind == .soup ? " (a SOUP item names the items that use it in its 'items')" : "")",
                               at: m["to"]?.location)
        }
        if to == item {
            throw DossierError("interface \(id) of \(item) leads to \(item) itself; 'to' names another item or an element outside the software",
                               at: m["to"]?.location)
        }
        if isToItem, zone != nil {
            throw DossierError("interface \(id) leads to the software item \(to), whose trust zone is its own 'zone'; 'zone' here is for an element outside the software",
                               at: m["zone"]?.location)
        }
    }

    /// The interface in one line, for the record's fields and the delta: `IF-3 → Cycler (out): Treatment records over BLE GATT [zone: Patient home]`.
    public var text: String {
        var line = "\(id) → \(to)"
        if let direction { line += " (\(direction.rawValue))" }
        if let data { line += ": \(data)" }
        if let `protocol` { line += (data == nil ? ": " : " ") + "over \(`protocol`)" }
        if let zone { line += " [zone: \(zone)]" }
        return line
    }
}

/// Which way data crosses an interface, seen from the item that holds it.
public enum InterfaceDirection: String, RecordChoice {
    /// Data comes into the item.
    case inbound = "in"
    /// Data leaves the item.
    case outbound = "out"
    /// Data goes both ways.
    case both
}

extension YAMLMapping {
    /// The optional `zone:` (a trust zone's name), without spaces around it; empty is not stated.
    func zone() throws -> String? {
        guard let zone = try text("zone")?.trimmingCharacters(in: .whitespaces), !zone.isEmpty else { return nil }
        return zone
    }
}
