"""Residents' comments on any object of the site (django-comments-xtd): the
moderation policy, the one posting path, replies, reports and the admin lists.

Apps whose objects take comments register them with `comments.registry.register`
in their AppConfig.ready(); this app never imports them."""
