import Mustache

/// A grid's variables by name for the templates, as Mustache would find them through `Mirror` (an optional's value,
/// nil when it has none): a 300-area report looks up a few hundred thousand of them, and reflection was a tenth of its
/// time. `ReportGridTests` checks every stored property is here.
extension ReportGrid: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "corner": corner
        case "columns": columns
        case "rows": rows
        case "text": text
        case "id": id
        case "multi": multi
        case "note": note
        case "columnValues": columnValues
        case "parts": parts
        case "separated": separated
        default: nil
        }
    }
}

extension ReportGrid.Row: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "cells": cells
        default: nil
        }
    }
}
