"""The comment-system recognisers, one module each; ``SYSTEMS`` lists them in claim order."""
from __future__ import annotations

from ..base import CommentSystem
from .answer_list import AnswerList
from .antd import AntDesign
from .apache_answer import ApacheAnswer
from .asgaros import Asgaros
from .askbot import Askbot
from .bbpress import BbPress
from .blogger import Blogger
from .careercup import CareerCup
from .discourse import Discourse
from .devdojo import DevDojo
from .discuz import Discuz
from .disqus import Disqus
from .drupal import Drupal
from .dwqa import DWQA
from .epoch import Epoch
from .fanfiction import FanFiction
from .flarum import Flarum
from .flat_table import FlatTable
from .floor_comments import Bahamut, Bangumi
from .fluxbb import FluxBB
from .forum_posts import ForumPosts
from .forem import Forem
from .forumengine import ForumEngine
from .forummagnum import ForumMagnum
from .generic import Generic
from .github import GitHub
from .habr import Habr
from .hackernews import HackerNews
from .healthunlocked import HealthUnlocked
from .homeland import Homeland
from .imageboard import Imageboard
from .insided import InSided
from .invision import Invision
from .invision_board import InvisionBoard
from .inyoka import Inyoka
from .kunena import Kunena, KunenaBootstrap
from .lemmy import Lemmy
from .intensedebate import IntenseDebate
from .livefyre import Livefyre
from .livejournal import LiveJournal
from .lobsters import Lobsters
from .medium import Medium
from .medschat import MedsChat
from .misago import Misago
from .moddb import ModDB
from .mwforum import MwForum
from .mybb import MyBB
from .newsvine import Newsvine
from .numbered_posts import NumberedPosts
from .reply_button_posts import ReplyButtonPosts
from .nodebb import NodeBB
from .phpbb import PhpBB
from .plain_lists import PlainLists
from .post_table import PostTable
from .profile_blocks import ProfileBlocks
from .dated_blocks import DatedBlocks
from .pwcomments import PwComments
from .qqcom import QQCom
from .reddit import Reddit
from .sabai import SabaiDiscuss
from .sbnation import SBNation
from .schema_answer import SchemaAnswer
from .semantic_ui import SemanticUI
from .sfcomment import SfComment
from .shreddit import Shreddit
from .simplepress import SimplePress
from .sina import Sina
from .slashdot import Slashdot
from .smf import SMF
from .spip import Spip
from .spotim import SpotIM
from .staticman import Staticman
from .youtube import YouTube
from .stackexchange import StackExchange
from .substack import Substack
from .talkyard import Talkyard
from .tibiacom import TibiaCom
from .tieba import Tieba
from .v2ex import V2EX
from .typepad import TypePad
from .ubbthreads import UBBThreads
from .vanilla import Vanilla
from .webmention import Webmention
from .weibo import Weibo
from .woltlab import WoltLab
from .onliner_forum import OnlinerForum
from .vbulletin import VBulletin
from .wordpress import WordPress
from .wpdiscuz import WpDiscuz
from .wpforo import WpForo
from .xenforo import XenForo
from .yotpo import Yotpo

SYSTEMS: tuple[CommentSystem, ...] = tuple(sorted(
    (WpDiscuz(), Epoch(), Disqus(), IntenseDebate(), Livefyre(), LiveJournal(), Yotpo(), XenForo(), Discourse(), Reddit(), Shreddit(),
     BbPress(), PhpBB(), FluxBB(), Flarum(), NodeBB(), Asgaros(), SMF(), Misago(), ModDB(), MwForum(), MedsChat(), Tieba(),
     QQCom(), Imageboard(), V2EX(), TibiaCom(), Bahamut(), Bangumi(), ForumEngine(), Forem(), MyBB(), Discuz(), WpForo(), Invision(), InvisionBoard(), Habr(), SimplePress(), Slashdot(), SBNation(), Newsvine(),
     AntDesign(), SemanticUI(), Sina(), Weibo(), DevDojo(), StackExchange(), SabaiDiscuss(), ApacheAnswer(), DWQA(), Askbot(),
     SchemaAnswer(), AnswerList(), CareerCup(), Homeland(), Talkyard(), GitHub(), Lobsters(), HackerNews(), SpotIM(), YouTube(),
     SfComment(), ForumMagnum(), Lemmy(), VBulletin(), Drupal(), Staticman(), Blogger(), Spip(),
     Vanilla(), WoltLab(), OnlinerForum(), Inyoka(), HealthUnlocked(), UBBThreads(), Kunena(), KunenaBootstrap(), InSided(), FanFiction(), FlatTable(),
     ForumPosts(), PostTable(),
     PwComments(), WordPress(), TypePad(), Substack(), Medium(), Webmention(), PlainLists(), Generic(), NumberedPosts(), ReplyButtonPosts(), ProfileBlocks(),
     DatedBlocks()),
    key=lambda s: s.order))

__all__ = ["SYSTEMS"]
