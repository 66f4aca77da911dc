/// Swedish words that occur in answers on every theme and name none: verbs of being, having and going, modal and
/// opinion verbs, quantifiers, degree and time adverbs, connectives. `terms` and the theme report's distinctive
/// words leave them out, beside Snowball's stop words (`SwedishStopWords`), so that the lists show what people talk
/// about. The list is part of the documented behaviour (docs/codebook.md, on terms).
public enum SwedishFunctionWords {
    public static let words: Set<String> = Set(
        """
        kommer komma kom kommit finns finnas fanns funnits går gå gick gått gör göra gjorde gjort får få fick fått tar ta tog
        tagit ser se såg sett säger säga sa sade sagt blir bli ska skall måste borde bör kunna kunnat vill ville velat vet veta
        visste tycker tycka tyckte tror tro trodde känns kännas verkar behöver behövs behövde också även bara endast många
        fler flera flest mer mera mest lite mindre minst väldigt ganska jätte helt hela alltid aldrig ofta ibland sällan idag
        igen nog redan kanske dock ändå alltså just ju väl nästan snart fortfarande tillbaka lika annat andra annan övriga
        övrigt ny nya nytt stor stora stort större störst liten litet lilla små sätt sak saker del delar exempel ex tex osv
        etc bl både samt enligt kring runt genom via vidare innan därför eftersom medan dessutom alls heller ens egen
        eget egna gärna iaf typ hos per annars inga inget två tre fyra fem sex sju åtta nio tio
        """.split(whereSeparator: { $0.isWhitespace }).map(String.init))
}
