"""The admissibility assistant (prövning): advice to the moderator, never an
automatic rejection. Each rule reads a proposal's title and text and returns
findings that name the rule and the words that set it off.

    findings      Finding, the rules' names and the check over all of them
    personal      personnummer (Luhn), phone numbers, e-mail and street addresses,
                  private persons' names
    words         the box's editable word lists: outside the municipality's remit
                  (region, state) and offensive language
    duplicates    similar proposals of the last 12 months (proposals/similarity.py)
    defaults      the demo's lists for Mittköping
    quality       precision and recall per rule on the labelled set
"""
