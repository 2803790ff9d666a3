"""Public views of the suggestion box, routed by SuggestionBoxPage."""
