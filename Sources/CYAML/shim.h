/* libyaml (Debian libyaml-dev): Records reads YAML through its event API (yaml_parser_parse). */
#include <yaml.h>
