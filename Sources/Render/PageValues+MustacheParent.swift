import Mustache

// How the templates look up the keys of the HTML page (HTMLPage.swift; keys: docs/templates.md):
// by name with a switch per type (swift-mustache's MustacheParent) rather than through a Mirror of every stored property
// per lookup. Each switch names every stored property: a nil optional is a key the row lacks.

extension PageValues: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "date": self.date
        case "commit": self.commit
        case "generator": self.generator
        case "printFooter": self.printFooter
        case "style": self.style
        case "content": self.content
        case "headings": self.headings
        case "hasParts": self.hasParts
        case "parts": self.parts
        default: nil
        }
    }
}

extension PageValues.Heading: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "level": self.level
        case "title": self.title
        case "anchor": self.anchor
        case "page": self.page
        case "printed": self.printed
        default: nil
        }
    }
}

extension PageValues.Part: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "file": self.file
        case "title": self.title
        case "current": self.current
        default: nil
        }
    }
}
